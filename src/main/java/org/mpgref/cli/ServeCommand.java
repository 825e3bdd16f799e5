package org.mpgref.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.mpgref.server.OracleServer;
import picocli.CommandLine.Command;

/** {@code mpgref serve}: the JSON-lines oracle server on stdin/stdout (specs/server.md). */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Answer JSON-lines requests on stdin, one JSON response per line on stdout (specs/server.md).",
        "Ops: load, eval, nash-gap, best-response, check-potential, unload, ping, shutdown."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {Main.EXIT_OK, Main.EXIT_INTERNAL})
final class ServeCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    Main.Context c = Main.context();
    BufferedReader in = new BufferedReader(new InputStreamReader(c.in, StandardCharsets.UTF_8));
    new OracleServer().serve(in, c.out);
    return 0;
  }
}
