package io.tidemark.sigma.value;

/** A value of a Sigma detection item, before or after its modifiers are applied. */
public sealed interface SigmaValue
    permits SigmaString,
        SigmaNumber,
        SigmaBool,
        SigmaNull,
        SigmaRegex,
        SigmaCidr,
        SigmaCompare,
        SigmaFieldRef,
        SigmaExists,
        SigmaTimestampPart,
        SigmaExpansion {

  /** A short description for error messages, e.g. {@code string 'foo*'}. */
  String describe();
}
