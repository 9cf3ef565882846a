import { readFile } from "node:fs/promises";

export type InputFile = { name: string; content: Buffer } | { name: string; error: string };

/** Reads every file; a missing or unreadable file is reported, not thrown. */
export async function readFiles(paths: string[]): Promise<InputFile[]> {
  return Promise.all(
    paths.map(async (name) => {
      try {
        return { name, content: await readFile(name) };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return { name, error: code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : String(e) };
      }
    }),
  );
}
