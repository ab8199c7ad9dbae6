package uk.councilcomplaints.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.store.VersionConflictException;
import uk.councilcomplaints.store.jdbc.CommitTooLateException;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.CommandRejectedException;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Writer threads issuing the {@link CommandMix} through one or more nodes' facades on a shared working set of
 * open complaints, as staff at several desks would: each picks a complaint, reads its history, issues the next
 * command against the version it read, and on a {@link VersionConflictException} (someone else acted first)
 * reads it again and decides again. A complaint nobody will act on again leaves the working set for a contact
 * received in its place. Every command is tagged and recorded in a {@link Ledger}.
 */
final class Writers {

    private final List<Complaints> nodes;
    private final int threadsPerNode;
    private final AtomicReferenceArray<ComplaintId> active;
    private final Ledger ledger;
    private final CommandMix mix;
    private final long seed;
    /** Per thread, used by that thread only (runs follow one another). */
    private final SplittableRandom[] randoms;
    private final long[] sequences;

    /**
     * @param nodes one facade per node, each over its own store
     * @param threadsPerNode writer threads per node
     * @param workingSet how many complaints the writers share at a time
     */
    Writers(List<Complaints> nodes, int threadsPerNode, int workingSet, Ledger ledger, long seed) {
        this.nodes = List.copyOf(nodes);
        this.threadsPerNode = threadsPerNode;
        this.active = new AtomicReferenceArray<>(workingSet);
        this.ledger = ledger;
        this.mix = new CommandMix(nodes.get(0).sla().policy());
        this.seed = seed;
        this.randoms = new SplittableRandom[nodes.size() * threadsPerNode];
        for (int t = 0; t < randoms.length; t++) {
            randoms[t] = new SplittableRandom(seed * 1_000 + t + 1);
        }
        this.sequences = new long[randoms.length];
    }

    /** Receives the working set's first contacts, taking turns across the nodes. */
    void seed() {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < active.length(); i++) {
            Complaints desk = nodes.get(i % nodes.size());
            String tag = "seed-" + i;
            ledger.issue(tag);
            Complaint c = desk.receive(CommandMix.contact(random, desk.clock().instant()), Audit.by(tag));
            ledger.accept(tag, "RECEIVE", c);
            active.set(i, c.id());
        }
    }

    /**
     * Runs every writer until {@code more} (asked before each command, by every thread) says stop, and returns
     * the accepted commands' timings. A failure other than a conflict, a refusal or a late commit stops the run.
     */
    Samples run(BooleanSupplier more) throws InterruptedException {
        int threads = nodes.size() * threadsPerNode;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Samples>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> write(thread, more)));
            }
            List<Samples> parts = new ArrayList<>();
            for (Future<Samples> f : done) {
                parts.add(f.get());
            }
            return Samples.merge(parts);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a writer failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Samples write(int thread, BooleanSupplier more) {
        int node = thread % nodes.size();
        Complaints desk = nodes.get(node);
        SplittableRandom random = randoms[thread];
        Samples samples = new Samples();
        while (more.getAsBoolean()) {
            int slot = random.nextInt(active.length());
            ComplaintId id = active.get(slot);
            while (true) {
                ComplaintHistory history = new ComplaintHistory(desk.history(id));
                Optional<CommandMix.Step> step = mix.next(history, random, desk.clock().instant());
                String tag = String.format("n%d-w%d-%07d", node + 1, thread, ++sequences[thread]);
                ledger.issue(tag);
                long start = System.nanoTime();
                try {
                    if (step.isEmpty()) {
                        Complaint c = desk.receive(CommandMix.contact(random, desk.clock().instant()), Audit.by(tag));
                        samples.add(start, System.nanoTime());
                        ledger.accept(tag, "RECEIVE", c);
                        active.compareAndSet(slot, id, c.id());
                    } else {
                        Audit audit = step.get().reason().map(Audit.by(tag)::because).orElse(Audit.by(tag));
                        Complaint c = desk.execute(id, history.current().version(), step.get().command(), audit);
                        samples.add(start, System.nanoTime());
                        ledger.accept(tag, step.get().command().type().name(), c);
                    }
                    break;
                } catch (VersionConflictException e) {
                    ledger.conflict();
                } catch (CommitTooLateException e) {
                    ledger.lateCommit();
                } catch (CommandRejectedException e) {
                    ledger.reject(e.getMessage());
                    break;
                }
            }
        }
        return samples;
    }
}
