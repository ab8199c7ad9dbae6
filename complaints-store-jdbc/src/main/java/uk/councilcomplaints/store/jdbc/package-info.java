/**
 * The JDBC {@link uk.councilcomplaints.store.ComplaintStore}: {@link uk.councilcomplaints.store.jdbc.JdbcComplaintStore}
 * over H2 or PostgreSQL, its schema scripts ({@link uk.councilcomplaints.store.jdbc.ComplaintsSchema}) and its
 * options, among them a {@link uk.councilcomplaints.store.jdbc.TransactionJoin} to work inside an application's own
 * transaction. {@code Jdbc} runs each operation in a transaction of its own, or in a savepoint of the joined one.
 *
 * <p>The SQL of each table is in one class, named after it: {@code complaints} in {@code ComplaintsTable} (its
 * {@code find} built by {@code FindStatement}), {@code complaint_events} and {@code event_reasons} in
 * {@code EventsTable} (the erasing of reasons too), {@code complainants} in {@code ComplainantsTable},
 * {@code report_projection} in {@code ProjectionTable} (its counts and wanted complaints built by
 * {@code ProjectionSql}), {@code running_clocks} (the work queues' rows) in {@code RunningClocksTable} (a queue's
 * SELECT built by {@code ClockStatement}), and {@code reference_sequences} in {@code ReferenceSequencesTable}, one
 * statement a {@link uk.councilcomplaints.store.jdbc.Dialect}. The classes that run the statements (such as
 * {@code CommitWriter}, {@code ProjectionRows}, {@code DataProtectionSql}) take them from there. The schema is
 * the migration scripts' and {@code ComplaintsSchema}'s; {@code PlannerStatistics} asks PostgreSQL's catalog,
 * and {@code CopyBatch} turns an insert into a {@code COPY}.
 */
package uk.councilcomplaints.store.jdbc;
