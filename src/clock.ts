/** The current instant. Injected everywhere time matters so tests can move through simulated days. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
