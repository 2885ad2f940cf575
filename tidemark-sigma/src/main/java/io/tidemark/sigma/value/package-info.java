/**
 * Sigma values as typed objects: strings made of literal text and wildcard tokens (never a
 * string with magic characters), numbers that keep their text, regular expressions, CIDR
 * networks, comparisons, field references and the like. Values are immutable; modifiers build
 * new ones.
 */
@NullMarked
package io.tidemark.sigma.value;

import org.jspecify.annotations.NullMarked;
