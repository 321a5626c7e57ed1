// `primer model pull | list | test`: the embedded model's file, and a smoke test of every tier.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import {
  createFileRecorder,
  createRouter,
  defaultModel,
  findCatalogModel,
  formatBytes,
  loadModelConfig,
  modelCatalog,
  pullModel,
  resolveModelCallLog,
  resolveModelsDir,
  tierNames,
  type LoadedModelConfig,
} from '../../models/index.js';

export function modelCommand(): Command {
  const model = new Command('model').description('Download, list and test the models Primer uses.');

  model
    .command('pull')
    .description(`Download a local model (default: ${defaultModel.name}) with resume and checksum verification.`)
    .argument('[name]', `a model name from \`primer model list\` (default ${defaultModel.name})`)
    .option('--url <url>', 'download a GGUF file from this URL instead of a named model')
    .option('--sha256 <hex>', 'expected sha256 of the file given by --url')
    .option('--dir <dir>', 'where models are kept (env PRIMER_MODELS_DIR; default <PRIMER_DATA or ./primer-data>/models)')
    .action(async (name: string | undefined, options: { url?: string; sha256?: string; dir?: string }) => {
      const dir = modelsDir(options.dir);
      const chosen = options.url
        ? { url: options.url, fileName: path.basename(new URL(options.url).pathname), sha256: options.sha256 }
        : findCatalogModel(name ?? defaultModel.name);
      if (!chosen) {
        console.error(`primer: no model named "${name}". Known: ${modelCatalog.map((entry) => entry.name).join(', ')}; or give --url.`);
        process.exitCode = 2;
        return;
      }
      const destination = path.join(dir, chosen.fileName);
      console.log(`downloading ${chosen.url}\n  to ${destination}`);
      const result = await pullModel({
        url: chosen.url,
        destination,
        ...(chosen.sha256 ? { sha256: chosen.sha256 } : {}),
        onProgress: progressBar(),
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      if (result.alreadyPresent) console.log(`already downloaded: ${destination}`);
      else console.log(`done: ${formatBytes(result.bytes)}${result.resumedFrom ? ` (resumed at ${formatBytes(result.resumedFrom)})` : ''}${chosen.sha256 ? ', checksum verified' : ''}`);
      console.log('Primer uses it when no other model is configured; `primer model test` tries it.');
    });

  model
    .command('list')
    .description('Show the models Primer can download, the files present, and the configured tiers.')
    .option('--config <file>', 'config file (env PRIMER_CONFIG; default ./primer.config.yaml)')
    .action(async (options: { config?: string }) => {
      const loaded = await load(options.config);
      console.log(`models folder: ${loaded.modelsDir}`);
      const files = await readdir(loaded.modelsDir).catch(() => [] as string[]);
      for (const entry of modelCatalog) {
        const present = files.includes(entry.fileName);
        console.log(`  ${present ? '✓' : ' '} ${entry.name}  ${entry.description}  (${entry.licence})${present ? '' : '  — `primer model pull`'}`);
      }
      for (const file of files.filter((file) => file.endsWith('.gguf') && !modelCatalog.some((entry) => entry.fileName === file))) {
        const info = await stat(path.join(loaded.modelsDir, file));
        console.log(`  ✓ ${file}  ${formatBytes(info.size)}`);
      }
      printTiers(loaded);
    });

  model
    .command('test')
    .description('Send one short request through each configured tier and report who answered and how fast.')
    .option('--config <file>', 'config file (env PRIMER_CONFIG; default ./primer.config.yaml)')
    .option('--prompt <text>', 'what to ask', 'Say hello to a new learner in one short sentence.')
    .action(async (options: { config?: string; prompt: string }) => {
      const loaded = await load(options.config);
      if (!loaded.config) {
        process.exitCode = 1;
        return;
      }
      const router = createRouter({ config: loaded.config, apiKeys: loaded.apiKeys, recorder: createFileRecorder(resolveModelCallLog(process.env, process.cwd())) });
      let failures = 0;
      for (const tier of tierNames) {
        if (!loaded.config.tiers[tier]?.chain.length) continue;
        const routed = await router.stream({
          task: 'tutor',
          prompt: options.prompt,
          maxOutputTokens: 64,
          signals: tier === 'standard' ? { failedAttempts: 2 } : tier === 'frontier' ? { failedAttempts: 4 } : {},
        });
        if (routed.noModel) {
          console.log(`${tier}: no model (${routed.reason})`);
          failures++;
          continue;
        }
        let text = '';
        try {
          for await (const delta of routed.result.textStream) text += delta;
        } catch (error) {
          text = `(error: ${error instanceof Error ? error.message : String(error)})`;
        }
        const last = routed.route.calls.at(-1);
        const served = routed.route.servedBy;
        if (!served) failures++;
        console.log(
          `${tier}: ${served ? `${served.provider}/${served.model}` : 'failed'}` +
            (last ? `  first token ${last.timeToFirstTokenMs ?? '-'} ms, total ${last.totalMs} ms, ${last.outputTokens} tokens` : '') +
            `\n  ${text.trim().replace(/\s+/g, ' ').slice(0, 200)}` +
            (served ? '' : `\n  ${routed.route.reasons.join('; ')}`),
        );
      }
      if (failures > 0) process.exitCode = 1;
    });

  return model;
}

async function load(configPath: string | undefined): Promise<LoadedModelConfig> {
  const loaded = await loadModelConfig({ ...(configPath ? { configPath } : {}), env: process.env, cwd: process.cwd() });
  for (const problem of loaded.errors) console.error(`${problem.path}:${problem.line}:${problem.column}: ${problem.message}\n  ${problem.hint}`);
  if (loaded.notice) console.log(loaded.notice);
  return loaded;
}

function modelsDir(dir: string | undefined): string {
  return dir ? path.resolve(dir) : resolveModelsDir(process.env, process.cwd());
}

function printTiers(loaded: LoadedModelConfig): void {
  if (!loaded.config) return;
  console.log(`tiers (from ${loaded.source}):`);
  for (const tier of tierNames) {
    const chain = loaded.config.tiers[tier]?.chain ?? [];
    if (chain.length === 0) continue;
    console.log(`  ${tier}: ${chain.map((entry) => `${entry.provider}/${entry.model}`).join(' → ')}`);
  }
}

/** A one-line progress bar on a terminal; occasional lines otherwise. */
function progressBar(): (received: number, total: number | undefined) => void {
  let lastPrinted = 0;
  return (received, total) => {
    const share = total ? received / total : 0;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${total ? `${(share * 100).toFixed(1)}%` : ''} ${formatBytes(received)}${total ? ` / ${formatBytes(total)}` : ''}   `);
    } else if (received - lastPrinted >= 100e6 || (total !== undefined && received === total)) {
      lastPrinted = received;
      console.log(`  ${formatBytes(received)}${total ? ` / ${formatBytes(total)}` : ''}`);
    }
  };
}
