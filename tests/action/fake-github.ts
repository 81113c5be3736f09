// A tiny GitHub REST API on 127.0.0.1 for the e2e tests: the endpoints the action uses, with request recording,
// pagination (Link headers), fault injection and an optional path prefix (GHES: /api/v3).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export interface Recorded {
  method: string;
  path: string;
  body?: Record<string, unknown>;
}
export interface FakeComment {
  id: number;
  body: string;
  html_url: string;
  user: { login: string; type: string };
}
export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: string;
  labels: { name: string }[];
  html_url: string;
}

export class FakeGitHub {
  requests: Recorded[] = [];
  comments = new Map<number, FakeComment[]>();
  issues: FakeIssue[] = [];
  prFiles: { filename: string; status: string }[] = [];
  /** Open pull requests (GET /pulls, /pulls/{n}). */
  pulls: { number: number; head: { sha: string; ref: string; label: string } }[] = [];
  /** Files of GET /compare/{base}...{head}, keyed by "base...head". */
  compare = new Map<string, { filename: string; status: string }[]>();
  /** Respond 502 to this many next requests. */
  failNext = 0;
  /** 403 on writes (read-only token). */
  readOnly = false;
  /** Raw file contents served by the contents API, keyed by `${ref}:${path}`. */
  contents = new Map<string, string>();
  prefix = "";
  private nextId = 1000;
  private server?: Server;
  url = "";

  async start(prefix = ""): Promise<string> {
    this.prefix = prefix;
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", () => r()));
    const addr = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${addr.port}${prefix}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  reset(): void {
    this.requests = [];
    this.failNext = 0;
    this.readOnly = false;
    this.contents.clear();
  }

  count(method: string, re: RegExp): number {
    return this.requests.filter((r) => r.method === method && re.test(r.path)).length;
  }

  private send(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(data));
  }

  private page<T>(req: IncomingMessage, res: ServerResponse, url: URL, items: T[]): void {
    const per = Number(url.searchParams.get("per_page") ?? 30);
    const page = Number(url.searchParams.get("page") ?? 1);
    const slice = items.slice((page - 1) * per, page * per);
    const headers: Record<string, string> = {};
    if (page * per < items.length) {
      const next = new URL(url.toString());
      next.searchParams.set("page", String(page + 1));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    this.send(res, 200, slice, headers);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const method = req.method ?? "GET";
    this.requests.push({ method, path: url.pathname + url.search, body });
    if (this.failNext > 0) {
      this.failNext--;
      return this.send(res, 502, { message: "Bad Gateway" });
    }
    if (!url.pathname.startsWith(this.prefix + "/repos/o/r/")) return this.send(res, 404, { message: "Not Found" });
    const p = url.pathname.slice((this.prefix + "/repos/o/r").length);
    if (method !== "GET" && this.readOnly) return this.send(res, 403, { message: "Resource not accessible by integration" });
    const html = (s: string) => `https://github.com/o/r/${s}`;
    let m: RegExpExecArray | null;
    if (method === "GET" && (m = /^\/pulls\/(\d+)\/files$/.exec(p))) return this.page(req, res, url, this.prFiles);
    if (method === "GET" && (m = /^\/pulls\/(\d+)$/.exec(p))) {
      const pr = this.pulls.find((x) => x.number === Number(m![1]));
      return pr ? this.send(res, 200, pr) : this.send(res, 404, { message: "Not Found" });
    }
    if (method === "GET" && p === "/pulls") {
      const head = url.searchParams.get("head");
      return this.page(req, res, url, this.pulls.filter((x) => !head || x.head.label === head));
    }
    if (method === "GET" && (m = /^\/compare\/(.+)$/.exec(p))) {
      const files = this.compare.get(decodeURIComponent(m[1]));
      return files ? this.send(res, 200, { files }) : this.send(res, 404, { message: "Not Found" });
    }
    if (method === "GET" && (m = /^\/contents\/(.+)$/.exec(p))) {
      const text = this.contents.get(`${url.searchParams.get("ref")}:${decodeURIComponent(m[1])}`);
      if (text === undefined) return this.send(res, 404, { message: "Not Found" });
      res.writeHead(200, { "content-type": "application/vnd.github.raw+json; charset=utf-8" });
      res.end(text);
      return;
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(p))) {
      const n = Number(m[1]);
      const list = this.comments.get(n) ?? [];
      this.comments.set(n, list);
      if (method === "GET") return this.page(req, res, url, list);
      const c: FakeComment = { id: this.nextId++, body: String(body?.body), html_url: "", user: { login: "github-actions[bot]", type: "Bot" } };
      c.html_url = html(`pull/${n}#issuecomment-${c.id}`);
      list.push(c);
      return this.send(res, 201, c);
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(p))) {
      const id = Number(m[1]);
      for (const list of this.comments.values()) {
        const i = list.findIndex((c) => c.id === id);
        if (i < 0) continue;
        if (method === "DELETE") {
          list.splice(i, 1);
          res.writeHead(204).end();
          return;
        }
        list[i].body = String(body?.body);
        return this.send(res, 200, list[i]);
      }
      return this.send(res, 404, { message: "Not Found" });
    }
    if (p === "/issues" && method === "GET") {
      const label = url.searchParams.get("labels");
      const state = url.searchParams.get("state") ?? "open";
      return this.page(req, res, url, this.issues.filter((i) => (state === "all" || i.state === state) && (!label || i.labels.some((l) => l.name === label))));
    }
    if (p === "/issues" && method === "POST") {
      const number = this.issues.length + 1;
      const issue: FakeIssue = {
        number,
        title: String(body?.title),
        body: String(body?.body),
        state: "open",
        labels: ((body?.labels as string[]) ?? []).map((name) => ({ name })),
        html_url: html(`issues/${number}`),
      };
      this.issues.push(issue);
      return this.send(res, 201, issue);
    }
    if ((m = /^\/issues\/(\d+)$/.exec(p)) && method === "PATCH") {
      const issue = this.issues.find((i) => i.number === Number(m![1]));
      if (!issue) return this.send(res, 404, { message: "Not Found" });
      if (typeof body?.body === "string") issue.body = body.body;
      if (typeof body?.state === "string") issue.state = body.state;
      return this.send(res, 200, issue);
    }
    return this.send(res, 404, { message: `no route ${method} ${p}` });
  }
}
