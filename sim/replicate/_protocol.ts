/**
 * Messages between {@linkcode runReplications} and its Web Workers. Private to sim/replicate.
 *
 * @module
 */

/** Main → worker: load the module once. */
export interface InitMessage {
  readonly kind: "init";
  readonly moduleUrl: string;
  readonly exportName: string;
  readonly seed: number;
  readonly input: unknown;
}

/** Main → worker: run one replication. */
export interface RunMessage {
  readonly kind: "run";
  readonly replication: number;
}

/** Worker → main: a replication finished. */
export interface ResultMessage {
  readonly kind: "result";
  readonly replication: number;
  readonly value: unknown;
}

/** Worker → main: a replication (or loading the module) failed. */
export interface ErrorMessage {
  readonly kind: "error";
  readonly replication: number;
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
}

/** Anything the main thread sends. */
export type ToWorker = InitMessage | RunMessage;
/** Anything a worker sends back. */
export type FromWorker = ResultMessage | ErrorMessage;
