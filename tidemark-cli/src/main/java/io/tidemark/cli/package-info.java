/**
 * The command line: parses arguments into requests, runs the engine, prints, and maps outcomes to
 * exit codes. The only package that prints or exits.
 */
@NullMarked
package io.tidemark.cli;

import org.jspecify.annotations.NullMarked;
