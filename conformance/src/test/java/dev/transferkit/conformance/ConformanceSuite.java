package dev.transferkit.conformance;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The conformance suite: every feature under {@code features/} run by the Cucumber engine, each
 * scenario and each Examples row a test. Target, glue and reports: {@code
 * junit-platform.properties} and the README of this module.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
public class ConformanceSuite {}
