// Models `primer model pull` knows by name. Pinned to a repository revision, so the checksum holds.

export interface CatalogModel {
  name: string;
  fileName: string;
  url: string;
  sizeBytes: number;
  sha256: string;
  licence: string;
  description: string;
}

/**
 * The default: Qwen2.5-1.5B-Instruct, Q4_K_M (about 1.1 GB). Apache-2.0; trained for 29+ languages;
 * follows system prompts and calls tools; runs on a laptop CPU. See docs/configuration.md for why.
 */
export const defaultModel: CatalogModel = {
  name: 'qwen2.5-1.5b-instruct',
  fileName: 'qwen2.5-1.5b-instruct-q4_k_m.gguf',
  url: 'https://huggingface.co/Qwen/Qwen2.5-1.5B-Instruct-GGUF/resolve/91cad51170dc346986eccefdc2dd33a9da36ead9/qwen2.5-1.5b-instruct-q4_k_m.gguf',
  sizeBytes: 1_117_320_736,
  sha256: '6a1a2eb6d15622bf3c96857206351ba97e1af16c30d7a74ee38970e434e9407e',
  licence: 'Apache-2.0',
  description: 'Qwen2.5 1.5B Instruct, 4-bit (Q4_K_M): multilingual, tool calling, about 1.1 GB',
};

export const defaultModelFileName = defaultModel.fileName;

export const modelCatalog: readonly CatalogModel[] = [defaultModel];

export function findCatalogModel(name: string): CatalogModel | undefined {
  return modelCatalog.find((model) => model.name === name || model.fileName === name);
}
