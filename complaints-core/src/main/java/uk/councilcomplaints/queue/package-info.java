/**
 * Work queues: the clocks still running or paused on every open complaint, kept by the store as rows that core
 * computes with each commit ({@link uk.councilcomplaints.sla.DueClock}), so a triage queue, an officer's overdue
 * cases or a dashboard's counts are one indexed read, not a fold of every history
 * ({@link uk.councilcomplaints.queue.WorkQueues}).
 */
package uk.councilcomplaints.queue;
