/**
 * JMH benchmarks of the hunting kernels. They sit in the compiler's package to measure its
 * package-private Aho-Corasick automaton, the kernel the raw-line prefilter replaced, side by side
 * with {@link io.tidemark.sigma.compile.LiteralScanner}.
 *
 * <p>Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.tidemark.sigma.compile;

import org.jspecify.annotations.NullMarked;
