package io.skillwise.analytics.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the reports.
 *
 * @param maxPeriods    periods (rows per stream and currency) one sales report may have: a longer daily report is
 *                      refused with 400 and a hint to ask for weeks or months
 * @param maxExportRows transactions one CSV export may hold; a longer history is refused with 400 and a hint to
 *                      narrow the dates
 */
@ConfigurationProperties("skillwise.analytics.reports")
public record ReportProperties(@DefaultValue("100") int maxPeriods, @DefaultValue("50000") int maxExportRows) {
}
