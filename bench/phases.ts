/** Wall time of each phase of the run, and how busy other processes kept the machine meanwhile. */
import { describeLoad, LoadMeter, type LoadReading } from "./machine-load.ts";

export class Phases {
  readonly seconds: Record<string, number> = {};
  /** Share (%) of all cores other processes used: before the start, then per phase. */
  readonly otherLoad: Record<string, number | undefined> = {};
  /** The same, with the busiest other processes named: "12 % (node 8 %, chromium 3 %)". */
  readonly otherLoadText: Record<string, string> = {};
  #mark = performance.now();
  #meter: LoadMeter | undefined;
  #names: readonly string[];

  /** `names`: command names of processes whose work is the bench's own besides its own tree (the DC). */
  constructor(names: readonly string[] = []) {
    this.#names = names;
  }

  /** Measures the machine for a few seconds before any work, and warns when something else is busy. */
  async checkIdle(): Promise<void> {
    this.#meter = new LoadMeter(this.#names);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    this.#record("beforeStart", this.#meter.read());
    console.log(`Other processes are using ${this.otherLoadText.beforeStart} of the cores`);
    if ((this.otherLoad.beforeStart ?? 0) > 10) {
      console.log("  ⚠ the machine is busy: figures will be slower and noisier");
    }
    this.#mark = performance.now();
  }

  /** See LoadMeter.watchDatabase: this database's backends are the bench's own work from now on. */
  async watchDatabase(databaseUrl: string | undefined): Promise<void> {
    if (databaseUrl) await this.#meter?.watchDatabase(databaseUrl);
  }

  end(name: string): void {
    const now = performance.now();
    this.seconds[name] = (now - this.#mark) / 1000;
    this.#record(name, this.#meter?.read());
    this.#mark = now;
    const took = this.seconds[name]?.toFixed(1);
    console.log(`\n== ${name} done in ${took} s (other processes: ${this.otherLoadText[name]} of the cores)`);
  }

  async stop(): Promise<void> {
    await this.#meter?.stop();
  }

  #record(name: string, reading: LoadReading | undefined): void {
    this.otherLoad[name] = reading?.share;
    this.otherLoadText[name] = describeLoad(reading);
  }

  get total(): number {
    return Object.values(this.seconds).reduce((sum, seconds) => sum + seconds, 0);
  }
}
