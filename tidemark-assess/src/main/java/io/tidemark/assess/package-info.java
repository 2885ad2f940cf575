/**
 * Assessment: detections and log coverage → findings → one verdict per server, with the reason
 * and the evidence lines behind it. Pure functions of their inputs; no I/O.
 */
@NullMarked
package io.tidemark.assess;

import org.jspecify.annotations.NullMarked;
