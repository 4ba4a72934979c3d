// The client's overhead in Node (run by scripts/bench.mjs; the comparison is bench/client-core.ts):
//
//   node --conditions=iq-source --import tsx bench/client.ts [--calls=1000 --rounds=15]
import { clientBench } from './client-core.js';

const option = (name: string, fallback: number): number => {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number`);
  return value;
};

await clientBench({
  calls: option('calls', 1000),
  rounds: option('rounds', 15),
  runtime: `Node ${process.versions.node}`,
  /** One line of the report (this is a command-line tool). */
  print: (line) => void process.stdout.write(`${line}\n`),
});
