import { parseUrl } from "../util/url.js";
import { runGit } from "./run-git.js";

/** Where a checked tree lives on the web, for reports to link files, history and compare views. */
export interface RepositoryAddress {
  /** `https:` address of the repository (`https://github.com/withastro/starlight`). */
  url: string;
  /** Branch or ref to link files at; the reports use `HEAD` when absent. */
  branch?: string;
  /** The checked tree's folder inside the repository (`docs`), when it is not the root. */
  rootDir?: string;
}

/**
 * The repository's web address from `remote.origin.url`, when it is one a browser can open: an
 * `https:` URL, or the `git@host:owner/name.git` and `ssh://git@host/owner/name.git` forms of a
 * forge, read as `https://host/owner/name`. Credentials, a query or a fragment make it no address.
 * A local path (a clone of a clone) gives none.
 */
export async function repositoryAddress(root: string): Promise<RepositoryAddress | undefined> {
  const [remote, prefix] = await Promise.all([
    runGit(root, ["config", "--get", "remote.origin.url"]).catch(() => undefined),
    runGit(root, ["rev-parse", "--show-prefix"]).catch(() => undefined),
  ]);
  if (remote?.exitCode !== 0) return undefined;
  const url = webAddress(remote.stdout.toString("utf8").trim());
  if (url === undefined) return undefined;
  const rootDir = prefix?.exitCode === 0 ? prefix.stdout.toString("utf8").trim().replace(/\/$/, "") : "";
  return { url, ...(rootDir !== "" && { rootDir }) };
}

/** `https://host/owner/name` for the remote forms forges use, else undefined. */
export function webAddress(remote: string): string | undefined {
  const scp = /^[\w.-]+@([\w.-]+):([\w.-]+(?:\/[\w.-]+)+)\/?$/.exec(remote);
  if (scp) return `https://${scp[1]}/${scp[2]!.replace(/\.git$/, "")}`;
  const parsed = parseUrl(remote);
  if (parsed === undefined) return undefined;
  if (parsed.protocol !== "https:" && parsed.protocol !== "ssh:") return undefined;
  if (parsed.password !== "" || parsed.search !== "" || parsed.hash !== "") return undefined;
  if (parsed.protocol === "https:" && parsed.username !== "") return undefined;
  const path = parsed.pathname.replace(/\.git\/?$/, "").replace(/\/$/, "");
  if (!/^(\/[\w.-]+){2,}$/.test(path)) return undefined;
  return `https://${parsed.hostname}${path}`;
}
