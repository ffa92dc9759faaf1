#!/usr/bin/env node
// `npx citequiz check|stats|compile`: the native command's checker, compiled to
// Wasm (../checker, built by `bash scripts/build-wasm.sh checker`), under
// Node alone. This script parses the command line and gives the Wasm
// Node's files and streams; what is checked and every line printed come
// from the library's `checker`, the code the native `citequiz` runs, so
// the diagnostics and the exit codes are the same: 0 success, 1 findings
// (or a file that cannot be read), 2 usage.
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json');

const HELP = `Reading-comprehension quizzes whose every answer cites its source
(the npm package's checker: check, stats and compile run under Node)

Usage: citequiz <COMMAND>

Commands:
  check    Check banks and the articles they name
  stats    A bank's questions by kind and tag, points, and paragraph coverage
  compile  Compile a bank for pages: checked, anchored, its article inlined
  help     Print this message

Options:
  -h, --help     Print help
  -V, --version  Print version

The other commands (build, preview, suggest, article import, …) are the
native command's: cargo install --path . in citequiz's repository.

Exit codes:
  0  success: every bank checks, the file was written
  1  findings: a bank has errors, or a file could not be read or written
  2  usage: the command line was wrong (unknown flag, missing argument)`;

const COMMANDS = {
  check: {
    usage: 'citequiz check [--format <text|json|github|gitlab>] [--deny-warnings] <BANK>...',
    about: `Check banks and the articles they name

Prints every problem (rustc style, JSON for tools, GitHub Actions
annotations or a GitLab Code Quality report). Exit 1 on any error.`,
    flags: ['--format', '--deny-warnings'],
    formats: ['text', 'json', 'github', 'gitlab'],
    banks: 'many',
  },
  stats: {
    usage: 'citequiz stats [--format <text|json>] <BANK>',
    about: `A bank's questions by kind and tag, points, and paragraph coverage

Questions by kind and tag, points, and which paragraphs of the article no
question cites.`,
    flags: ['--format'],
    formats: ['text', 'json'],
    banks: 'one',
  },
  compile: {
    usage: 'citequiz compile [--out <FILE>] [--force] <BANK>',
    about: `Compile a bank for pages: checked, anchored, its article inlined

Writes one JSON file ("format": "citequiz-compiled/1") that the widget
loads in one request and starts without checking or anchoring. Authors
keep editing BANK; compile again after each change. A bank that does not
check is not compiled (its problems are printed as \`check\` prints them).

  --out <FILE>  Where to write: a file, or a folder to write it into under
                BANK's file name (default: BANK with .compiled.json for .json)
  --force       Replace FILE if it exists`,
    flags: ['--out', '--force'],
    banks: 'one',
  },
};

/** A usage error: the message and the usage line on stderr, exit 2. */
class Usage extends Error {
  constructor(message, usage = 'citequiz <COMMAND>') {
    super(`error: ${message}\n\nUsage: ${usage}\n\nFor more information, try '--help'.`);
  }
}

/** The command line → {command, format, denyWarnings, banks}, or what to print and exit with. */
function parse(argv) {
  const [name, ...rest] = argv;
  if (name === undefined) throw new Usage("'citequiz' requires a subcommand but one was not provided");
  if (name === 'help' && COMMANDS[rest[0]]) return parse([rest[0], '--help']);
  if (name === '-h' || name === '--help' || name === 'help') return { print: HELP };
  if (name === '-V' || name === '--version') return { print: `citequiz ${version}` };
  const command = COMMANDS[name];
  if (!command) {
    throw new Usage(`unrecognized subcommand '${name}': the npm package runs only check, stats and compile`);
  }
  const parsed = { command: name, format: 'text', denyWarnings: false, out: null, force: false, banks: [] };
  for (let i = 0, flags = true; i < rest.length; i++) {
    const arg = rest[i];
    if (!flags || !arg.startsWith('-') || arg === '-') {
      parsed.banks.push(arg);
    } else if (arg === '--') {
      flags = false;
    } else if (arg === '-h' || arg === '--help') {
      return { print: `${command.about}\n\nUsage: ${command.usage}\n\n${HELP.slice(HELP.indexOf('Exit codes:'))}` };
    } else if (arg === '--deny-warnings' && command.flags.includes(arg)) {
      parsed.denyWarnings = true;
    } else if (arg === '--force' && command.flags.includes(arg)) {
      parsed.force = true;
    } else if ((arg === '--out' || arg.startsWith('--out=')) && command.flags.includes('--out')) {
      const value = arg === '--out' ? rest[++i] : arg.slice('--out='.length);
      if (value === undefined) throw new Usage("a value is required for '--out <FILE>' but none was supplied", command.usage);
      parsed.out = value;
    } else if ((arg === '--format' || arg.startsWith('--format=')) && command.flags.includes('--format')) {
      const value = arg === '--format' ? rest[++i] : arg.slice('--format='.length);
      if (value === undefined) throw new Usage("a value is required for '--format <FORMAT>' but none was supplied", command.usage);
      if (!command.formats.includes(value)) {
        throw new Usage(`invalid value '${value}' for '--format <FORMAT>'\n  [possible values: ${command.formats.join(', ')}]`, command.usage);
      }
      parsed.format = value;
    } else {
      throw new Usage(`unexpected argument '${arg}' found\n\n  tip: to pass '${arg}' as a value, use '-- ${arg}'`, command.usage);
    }
  }
  if (parsed.banks.length === 0) {
    throw new Usage('the following required arguments were not provided:\n  <BANK>', command.usage);
  }
  if (command.banks === 'one' && parsed.banks.length > 1) {
    throw new Usage(`unexpected argument '${parsed.banks[1]}' found`, command.usage);
  }
  return parsed;
}

// Linux's words for the errors reading a file meets, as Rust's
// std::io::Error writes them ("No such file or directory (os error 2)"):
// the native command's message. Others keep Node's.
const STRERROR = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  EIO: 'Input/output error',
  EACCES: 'Permission denied',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EMFILE: 'Too many open files',
  ENAMETOOLONG: 'File name too long',
  ELOOP: 'Too many levels of symbolic links',
};

/** Why a file could not be read or written, in the native command's words where known. */
function reason(e) {
  return STRERROR[e.code] && e.errno ? `${STRERROR[e.code]} (os error ${Math.abs(e.errno)})` : String(e.message);
}

/** The checker's files and streams (src/web/check.rs, `NodeIo`). */
const io = {
  read(file) {
    let bytes;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw reason(e);
    }
    // The checker tells text from binary data and non-UTF-8 bytes, as natively.
    return bytes;
  },
  print(toStderr, line) {
    (toStderr ? process.stderr : process.stdout).write(`${line}\n`);
  },
  exists(file) {
    return existsSync(file);
  },
  isDir(file) {
    return statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
  },
  list(dir) {
    try {
      return readdirSync(dir);
    } catch (e) {
      throw reason(e);
    }
  },
  // Whole or not at all, as natively: a temporary file beside it, renamed over it.
  write(file, bytes) {
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    try {
      writeFileSync(tmp, bytes);
      renameSync(tmp, file);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw reason(e);
    }
  },
};

function main(argv) {
  let args;
  try {
    args = parse(argv);
  } catch (e) {
    if (!(e instanceof Usage)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  if (args.print) {
    process.stdout.write(`${args.print}\n`);
    return 0;
  }
  const checker = require('../checker/citequiz.js');
  switch (args.command) {
    case 'check': return checker.check(args.banks, args.format, args.denyWarnings, io);
    case 'stats': return checker.stats(args.banks[0], args.format, io);
    default: return checker.compile(args.banks[0], args.out ?? undefined, args.force, io);
  }
}

// Let the streams drain rather than process.exit(): piped output is written
// asynchronously.
process.exitCode = main(process.argv.slice(2));
