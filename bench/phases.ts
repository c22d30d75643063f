/** Wall time of each phase of the run, and how busy other processes kept the machine meanwhile. */
import { idleCheck, MEASURED_BY_DEFAULT, otherLoadMeter } from "./machine-load.ts";

const percent = (value: number | undefined) => (value === undefined ? "?" : `${value.toFixed(0)} %`);

export class Phases {
  readonly seconds: Record<string, number> = {};
  /** Share (%) of all cores other processes used: before the start, then per phase. */
  readonly otherLoad: Record<string, number | undefined> = {};
  #mark = performance.now();
  #meter: () => number | undefined;

  /** `measured`: the command names of processes whose work is the bench's own (PostgreSQL; the DC). */
  constructor(private readonly measured: readonly string[] = MEASURED_BY_DEFAULT) {
    this.#meter = otherLoadMeter(measured);
  }

  /** Measures the machine for a few seconds before any work, and warns when something else is busy. */
  async checkIdle(): Promise<void> {
    this.otherLoad.beforeStart = await idleCheck(3000, this.measured);
    console.log(`Other processes are using ${percent(this.otherLoad.beforeStart)} of the cores`);
    if ((this.otherLoad.beforeStart ?? 0) > 10) {
      console.log("  ⚠ the machine is busy: figures will be slower and noisier");
    }
    this.#meter = otherLoadMeter(this.measured);
    this.#mark = performance.now();
  }

  end(name: string): void {
    const now = performance.now();
    this.seconds[name] = (now - this.#mark) / 1000;
    this.otherLoad[name] = this.#meter();
    this.#mark = now;
    const took = this.seconds[name]?.toFixed(1);
    console.log(
      `\n== ${name} done in ${took} s (other processes: ${percent(this.otherLoad[name])} of the cores)`,
    );
  }

  get total(): number {
    return Object.values(this.seconds).reduce((sum, seconds) => sum + seconds, 0);
  }
}
