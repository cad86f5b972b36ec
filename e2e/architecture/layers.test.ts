import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules in eslint.config.js, exercised on code that breaks them: if a rule is
// loosened or a folder falls out of its block, this fails.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: { file: string; allowed: string[]; forbidden: string[] }[] = [
  {
    file: 'shared/api/probe.ts',
    allowed: ["import { z } from 'zod';"],
    forbidden: [
      "import { readFile } from 'node:fs';",
      "import fs from 'fs';",
      "import { app } from 'electron';",
      "import Redis from 'ioredis';",
      "import { x } from '../../electron/core/createCore';",
      "import { x } from '../../renderer/src/main';",
    ],
  },
  {
    file: 'electron/core/keys/probe.ts',
    allowed: [
      "import Redis from 'ioredis';",
      "import { readFile } from 'node:fs';",
      "import { API } from '../../../shared/api/methods';",
    ],
    forbidden: [
      "import { app } from 'electron';",
      "import type { BrowserWindow } from 'electron';",
      "import { ipcMain } from 'electron/main';",
      "import { x } from '../../main/index';",
      "import { x } from '../../webhost/webHost';",
      "import { x } from '../../../renderer/src/main';",
    ],
  },
  {
    file: 'electron/webhost/probe.ts',
    allowed: ["import { createCore } from '../core/createCore';", "import { WebSocketServer } from 'ws';"],
    forbidden: ["import { app } from 'electron';", "import { x } from '../main/ipcBridge';"],
  },
  {
    file: 'electron/preload/probe.ts',
    allowed: ["import { contextBridge } from 'electron';"],
    forbidden: ["import { spawn } from 'node:child_process';", "import { createCore } from '../core/createCore';"],
  },
  {
    file: 'renderer/src/keys/probe.tsx',
    allowed: ["import { create } from 'zustand';", "import type { Result } from '../../../shared/api/result';"],
    forbidden: [
      "import { ipcRenderer } from 'electron';",
      "import { readFile } from 'node:fs/promises';",
      "import path from 'path';",
      "import Redis from 'ioredis';",
      "import { WebSocket } from 'ws';",
      "import { createCore } from '../../../electron/core/createCore';",
    ],
  },
  {
    // A component reaches core through its feature's store or module (docs/ARCHITECTURE.md).
    file: 'renderer/src/editors/Probe.tsx',
    allowed: ["import { valueCall } from './valueCalls';", "import { useKeys } from '../keys/keysStore';"],
    forbidden: ["import { api } from '../api/client';", "import { readFile } from 'node:fs';"],
  },
  {
    file: 'renderer/src/editors/probeCalls.ts',
    allowed: ["import { api } from '../api/client';"],
    forbidden: ["import { ipcRenderer } from 'electron';"],
  },
];

describe('layer rules (eslint no-restricted-imports)', () => {
  for (const { file, allowed, forbidden } of cases) {
    for (const code of forbidden) {
      it(`${file} may not: ${code}`, async () => {
        expect((await restrictedImports(file, `${code}\nexport {};\n`)).length).toBeGreaterThan(0);
      });
    }
    for (const code of allowed) {
      it(`${file} may: ${code}`, async () => {
        expect(await restrictedImports(file, `${code}\nexport {};\n`)).toHaveLength(0);
      });
    }
  }
});

// Inside Electron process.execPath is the app: product code spawns it only through spawnNode.ts.
describe('process.execPath only through spawnNode (eslint no-restricted-syntax)', () => {
  const execPathUses = async (filePath: string) => {
    const code = "import { spawn } from 'node:child_process';\nspawn(process.execPath, ['-e', '1']);\n";
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').length;
  };
  it.each(['electron/core/localSandbox/probe.ts', 'electron/webhost/probe.ts', 'electron/main/probe.ts'])(
    '%s may not spawn process.execPath directly',
    async (file) => expect(await execPathUses(file)).toBe(1),
  );
  it('spawnNode.ts and tests may', async () => {
    expect(await execPathUses('electron/core/localRedis/spawnNode.ts')).toBe(0);
    expect(await execPathUses('electron/core/localRedis/probe.int.test.ts')).toBe(0);
  });
});
