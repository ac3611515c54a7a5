#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --initial-old-space-size=48
import { main } from '../src/cli/main.ts';

process.exitCode = await main(process.argv.slice(2));
