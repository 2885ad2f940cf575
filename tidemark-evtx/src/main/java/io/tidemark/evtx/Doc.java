package io.tidemark.evtx;

import java.util.List;

/**
 * A Binary XML document: nodes plus the values their substitutions refer to. A record's body is
 * one; so is every nested Binary XML value (UserData, ProcessingErrorData).
 */
record Doc(List<Node> nodes, Value[] values) {
  static final Value[] NO_VALUES = new Value[0];
}
