/**
 * Linear algebra on exact rationals and on doubles, independent of games. Concept: solving A X = B, in particular
 * (I − γP) X = B for values and (I − γP^T) d = b for visitations — Bareiss's fraction-free elimination
 * ({@link org.mpgref.linalg.ExactLinearSolver}), the sparse block-triangular solvers and their symbolic plan and cost
 * model ({@link org.mpgref.linalg.SparseExactSolver}, {@link org.mpgref.linalg.SparsePlan},
 * {@link org.mpgref.linalg.WorkMeter}), their double twins ({@link org.mpgref.linalg.DoubleLinearSolver},
 * {@link org.mpgref.linalg.SparseDoubleSolver}), sparse matrices, memory estimates
 * ({@link org.mpgref.linalg.MemoryBudget}) and the Euclidean projection onto the simplex
 * ({@link org.mpgref.linalg.SimplexProjection}).
 *
 * <p>Layering: depends only on {@code numbers} and {@code limits}; never on {@code game} or anything above it
 * (checked by LayeringTest).
 *
 * <p>Sources: Bareiss, Mathematics of Computation 22 (1968) 565–578; Duchi, Shalev-Shwartz, Singer, Chandra, ICML
 * 2008 and Held, Wolfe, Crowder, Math. Programming 6 (1974) (simplex projection); Higham, <i>Accuracy and Stability
 * of Numerical Algorithms</i>, 2nd ed., SIAM 2002; specs/exact-linear-solve.md, specs/simplex-projection.md.
 */
package org.mpgref.linalg;
