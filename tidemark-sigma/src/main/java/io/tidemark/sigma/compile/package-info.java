/**
 * Compilation and matching: {@link io.tidemark.sigma.compile.RuleCompiler} binds loaded rules to
 * their log types (renaming fields once, at compile time) and builds a thread-safe {@link
 * io.tidemark.sigma.compile.CompiledRuleSet}. Matching an event is: route by log type (for
 * Windows, by Channel and EventID), prefilter with one Aho-Corasick pass over the event's search
 * text for literal atoms every candidate rule needs, then evaluate the few remaining rules,
 * cheapest tests first.
 *
 * <h2>Regular expressions</h2>
 *
 * Rules may come from hostile files and values from attacker-written logs, so no regex may stall
 * a scan. Patterns use {@link java.util.regex.Pattern} syntax (a superset of the Sigma subset:
 * {@code (?i)}, {@code \d}, {@code (?:...)}, lookaround and backreferences all work) and are
 * evaluated as an unanchored search over a {@code CharSequence} that counts character reads. Past
 * the budget (see {@link io.tidemark.sigma.compile.CompileOptions#regexBudget}) the search is
 * abandoned, a {@code regex-budget-exceeded} warning names the rule, field, file and record, and
 * the rule counts as not matching that record. A {@link StackOverflowError} from deeply recursive
 * patterns is treated the same way.
 */
@NullMarked
package io.tidemark.sigma.compile;

import org.jspecify.annotations.NullMarked;
