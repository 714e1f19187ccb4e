package dev.transferkit.gate;

/**
 * One difference between a released artifact and the current one, as a client user sees it.
 *
 * @param subject the spec file or the jar it was found in
 * @param where the operation and position in the spec ({@code POST /v1/transfers response 201
 *     .data.status}) or the Java member
 * @param what what changed, in words
 * @param breaking whether code or data that worked against the released version can stop working
 */
public record Change(String subject, String where, String what, boolean breaking) {}
