/**
 * The Sigma value modifiers: a registry from name to {@link io.tidemark.sigma.modifier.Modifier}
 * and {@link io.tidemark.sigma.modifier.ModifierChain}, which applies a chain left to right with
 * pySigma's type rules, so that {@code wide|base64offset|contains} and {@code windash|contains}
 * mean what the SigmaHQ rules expect.
 */
@NullMarked
package io.tidemark.sigma.modifier;

import org.jspecify.annotations.NullMarked;
