/** An error the simulator CLI reports as one clear line (no stack), with exit code 1. */
export class SimulatorError extends Error {
  override readonly name = 'SimulatorError';
}
