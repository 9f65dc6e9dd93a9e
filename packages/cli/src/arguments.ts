import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A usage mistake: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** Prints a command's help text and gives the exit code to return: 0 when asked for, 2 after a usage mistake. */
export function printHelp(text: string, exitCode = 0): number {
  console.log(text);
  return exitCode;
}

export type OptionSpecification = NonNullable<ParseArgsConfig['options']>;

export const commonOptions = {
  database: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpecification;

export function parseOptions<Options extends OptionSpecification>(argv: string[], options: Options) {
  try {
    return parseArgs({ args: argv, options: { ...commonOptions, ...options }, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
}

export function requireOption(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}
