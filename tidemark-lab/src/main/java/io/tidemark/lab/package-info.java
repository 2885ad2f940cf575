/**
 * The evidence lab: synthetic Exchange servers in the real on-disk layout and log formats, with a
 * {@code truth.json} that says exactly what an attacker did, so every other module can be tested
 * against known ground truth.
 *
 * <p>Public entry points: {@link io.tidemark.lab.Lab#generate} (a whole evidence folder), {@link
 * io.tidemark.lab.LogWriters#render} (one log file from a few records, for rule tests), {@link
 * io.tidemark.lab.LabSpec}, {@link io.tidemark.lab.Scenario} and {@link io.tidemark.lab.LabTruth}.
 * Everything else is package-private.
 *
 * <p>Layout choices where the references mark the real layout UNVERIFIED: Exchange CSV logs start
 * with a UTF-8 byte-order mark and the {@code #Software} block (no plain CSV header line); the OAB
 * generator log is {@code Logging/OABGeneratorLog/OABGeneratorLog_YYYYMMDD-N.LOG} with the fields
 * {@code Timestamp,EventLevel,ThreadId,MailboxGuid,OabName,Message}; forwards made by inbox rules
 * appear in message tracking with {@code source} {@code MAILBOXRULE}; Windows events are evtx_dump
 * JSON Lines under {@code EventLogs/<channel file name>.jsonl}.
 */
@NullMarked
package io.tidemark.lab;

import org.jspecify.annotations.NullMarked;
