/**
 * The Sigma rule model and its loader: detection rules, correlation rules and filters from
 * multi-document YAML, with every v2.1 field, custom top-level keys kept as data, and every
 * problem collected with its {@code file:line:column}. {@link io.tidemark.sigma.rule.RuleLoader}
 * is the entry point.
 */
@NullMarked
package io.tidemark.sigma.rule;

import org.jspecify.annotations.NullMarked;
