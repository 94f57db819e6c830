import type { Worker } from "node:worker_threads";
import type { Sqlite } from "../db/open.js";
import type { Logger } from "../logging/logger.js";
import { startModuleThread } from "../runtime/module-thread.js";
import { StatementCache } from "../scim/list/statement-cache.js";
import { runReaderJob, type ReaderAnswer, type ReaderJob } from "./reader-jobs.js";

/** workerData of a reader thread. */
export interface ReaderInput {
  readonly databasePath: string;
  /** A job that runs longer stops by itself where it can (see reader-worker.ts). */
  readonly timeLimitMs: number;
  readonly background: boolean;
}

export interface ToReader {
  readonly id: number;
  readonly job: ReaderJob;
}

/** `ready` once the thread has opened its connection; then one answer or error per job. */
export type FromReader =
  | { readonly kind: "ready" }
  | { readonly kind: "answer"; readonly id: number; readonly answer: unknown }
  | { readonly kind: "error"; readonly id: number; readonly error: string };

/**
 * How long a job may take, waiting included, and how many may wait behind the running one. Past either, the job is
 * refused with {@link ReaderRefused}, whose retryAfterSeconds the caller sends as Retry-After.
 */
export interface ReaderLimits {
  readonly timeLimitMs: number;
  readonly maxWaiting: number;
  /**
   * Run at a lower CPU priority than the serving thread (nice 10): for work anyone with a credential can ask for. An
   * admin's forecast runs at normal priority, or a busy machine could starve it past its time limit.
   */
  readonly background: boolean;
}

/** A job the reader would not finish in time, or had no room for: try again later. */
export class ReaderRefused extends Error {
  override readonly name = "ReaderRefused";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export interface Reader {
  run<J extends ReaderJob>(job: J): Promise<ReaderAnswer<J>>;
  /** Ends the thread; jobs still waiting are refused. */
  close(): void;
}

/**
 * A reader for `sqlite`'s file: a thread of its own (ReaderThread), or, for an in-memory database, which another
 * thread cannot open (unit tests), the same jobs on the caller's connection.
 */
export function createReader(sqlite: Sqlite, limits: ReaderLimits, logger: Logger): Reader {
  if (sqlite.memory) {
    const statements = new StatementCache(sqlite);
    return { run: async (job) => runReaderJob(sqlite, statements, job), close: () => {} };
  }
  return new ReaderThread(sqlite.name, limits, logger);
}

interface Pending {
  readonly id: number;
  readonly job: ReaderJob;
  readonly resolve: (answer: never) => void;
  readonly reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
  /** Answered with ReaderRefused while still running: its thread gets a grace period to stop by itself. */
  refused?: boolean;
}

/**
 * Runs reads that may take seconds on a thread with its own read-only connection. better-sqlite3 is synchronous:
 * a long statement on the serving thread holds up /healthz, Okta's import pages and every console page until it
 * ends, and SQLite cannot be interrupted from the thread that runs it. Here the serving thread only waits for a
 * message. A job past its time limit is refused at once (ReaderRefused); its statement stops by itself where it
 * calls back into JavaScript (reader-worker.ts), and if it has not stopped after as long again, its thread is ended
 * (a statement in native code still runs to its end, so no new thread starts until the old one is gone: refused
 * work never takes more than this one thread). One job runs at a time, so a burst of expensive requests queues
 * here instead of sharing the cores with Okta.
 */
export class ReaderThread implements Reader {
  private worker: Worker | null = null;
  /** The thread has opened its connection: a job sent now starts at once. */
  private ready = false;
  private ending: Promise<unknown> | null = null;
  private running: Pending | null = null;
  private readonly waiting: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly databasePath: string,
    private readonly limits: ReaderLimits,
    private readonly logger: Logger,
  ) {}

  run<J extends ReaderJob>(job: J): Promise<ReaderAnswer<J>> {
    if (this.closed) return Promise.reject(new Error("the gateway is stopping"));
    if (this.waiting.length >= this.limits.maxWaiting) {
      return Promise.reject(this.refusal(`${this.waiting.length + 1} expensive reads are already waiting`));
    }
    return new Promise<ReaderAnswer<J>>((resolve, reject) => {
      const pending: Pending = { id: this.nextId++, job, resolve: resolve as (answer: never) => void, reject };
      pending.timer = setTimeout(() => this.expire(pending), this.limits.timeLimitMs);
      pending.timer.unref();
      this.waiting.push(pending);
      this.next();
    });
  }

  close(): void {
    this.closed = true;
    for (const pending of this.waiting.splice(0)) this.settle(pending, new Error("the gateway is stopping"));
    if (this.running && !this.running.refused) this.settle(this.running, new Error("the gateway is stopping"));
    if (this.running) clearTimeout(this.running.timer);
    this.running = null;
    void this.worker?.terminate();
    this.worker = null;
    this.ready = false;
  }

  private next(): void {
    if (this.running || this.ending || this.closed || this.waiting.length === 0) return;
    // A thread starting up is not given a job yet, so that its start-up never counts as a job's running time and
    // a slow start cannot get the new thread stopped again; the jobs' own time limits still run while they wait.
    this.worker ??= this.start();
    if (!this.ready) return;
    const pending = this.waiting.shift()!;
    this.running = pending;
    const message: ToReader = { id: pending.id, job: pending.job };
    this.worker.postMessage(message);
  }

  private start(): Worker {
    const input: ReaderInput = {
      databasePath: this.databasePath,
      timeLimitMs: this.limits.timeLimitMs,
      background: this.limits.background,
    };
    const worker = startModuleThread(import.meta.url, "reader-worker", input);
    // A reader waiting for work must not keep a stopping process alive.
    worker.unref();
    worker.on("message", (message: FromReader) => {
      if (worker !== this.worker) return; // a stopped thread's late answer
      if (message.kind === "ready") {
        this.ready = true;
      } else {
        const pending = this.running;
        if (!pending || pending.id !== message.id) return;
        this.running = null;
        if (pending.refused)
          clearTimeout(pending.timer); // it stopped by itself after its refusal
        else
          this.settle(
            pending,
            message.kind === "error" ? new Error(message.error) : undefined,
            message.kind === "answer" ? message.answer : undefined,
          );
      }
      this.next();
    });
    worker.on("error", (error: Error) => this.lost(worker, error.message));
    worker.on("exit", (code) => this.lost(worker, `exit code ${code}`));
    return worker;
  }

  /** The thread died by itself (it could not open the database, it ran out of memory). */
  private lost(worker: Worker, why: string): void {
    if (worker !== this.worker) return; // ended on purpose
    this.worker = null;
    this.ready = false;
    this.logger.error({ err: why }, "the reader thread stopped");
    if (this.running && !this.running.refused)
      this.settle(this.running, new Error(`the reader thread stopped (${why})`));
    if (this.running) clearTimeout(this.running.timer);
    this.running = null;
    this.next();
  }

  private expire(pending: Pending): void {
    const seconds = this.limits.timeLimitMs / 1000;
    if (pending === this.running && !pending.refused) {
      this.logger.warn(
        { job: pending.job.kind, limitSeconds: seconds },
        "an expensive read took too long and was refused",
      );
      this.settle(pending, this.refusal(`it took longer than ${seconds} s`));
      pending.refused = true;
      pending.timer = setTimeout(() => this.expire(pending), this.limits.timeLimitMs);
      pending.timer.unref();
      return;
    }
    if (pending === this.running) {
      // It did not stop by itself (a statement that never calls back into JavaScript): end its thread. A statement
      // in native code still runs to its end, so no new thread starts until this one is gone.
      this.running = null;
      const worker = this.worker;
      this.worker = null;
      this.ready = false;
      this.ending = (worker?.terminate() ?? Promise.resolve()).finally(() => {
        this.ending = null;
        this.next();
      });
      this.logger.warn(
        { job: pending.job.kind },
        "an expensive read did not stop after its time limit; its reader thread was ended",
      );
      return;
    }
    const index = this.waiting.indexOf(pending);
    if (index < 0) return; // settled meanwhile
    this.waiting.splice(index, 1);
    this.settle(pending, this.refusal(`it waited ${seconds} s for earlier expensive reads`));
  }

  private refusal(why: string): ReaderRefused {
    return new ReaderRefused(
      `The server is too busy for this request (${why}); try again later.`,
      Math.max(1, Math.ceil(this.limits.timeLimitMs / 1000)),
    );
  }

  private settle(pending: Pending, error: Error | undefined, answer?: unknown): void {
    clearTimeout(pending.timer);
    if (error) pending.reject(error);
    else pending.resolve(answer as never);
  }
}
