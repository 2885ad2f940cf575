package io.tidemark.cli;

import java.io.PrintStream;

/** Where commands print: stdout for results, stderr for progress and messages. */
record Console(PrintStream out, PrintStream err, boolean interactive) {}
