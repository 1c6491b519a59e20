/**
 * kill -9 during idempotent creates: an emulator process on a SQLite file takes keyed POSTs from
 * several clients at once and is SIGKILLed mid-way; a new process on the same file gets every key
 * again. No acknowledged write is lost and no key makes a second record, since a record and its
 * key are committed together.
 */
import { expect, it } from "@effect/vitest"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as EmulatorProcess from "./support/EmulatorProcess.js"

const KEYS = 240
const CONCURRENCY = 12
/** Kill once this many creates were acknowledged, with others still in flight. */
const KILL_AFTER = 60

const headers = (key: string) => ({
  accept: "application/json",
  "content-type": "application/json",
  authorization: `Bearer ${EmulatorProcess.credentials.token}`,
  appid: EmulatorProcess.credentials.apiKey,
  "idempotency-key": key
})

interface Created {
  readonly status: number
  readonly id?: string | undefined
  readonly replayed: boolean
}

const create = async (url: string, index: number): Promise<Created> => {
  const response = await fetch(`${url}/leads/`, {
    method: "POST",
    headers: headers(`crash-key-${index}`),
    body: JSON.stringify({ lead: { name: `Crash lead ${index}`, value: index } })
  })
  const text = await response.text()
  const id = response.status === 201 ? (JSON.parse(text) as { data: { id: string } }).data.id : undefined
  return { status: response.status, id, replayed: response.headers.get("idempotent-replayed") === "true" }
}

/** Runs `task` over 0..count-1 with `concurrency` workers until `stop()` says so. */
const pool = async (count: number, concurrency: number, task: (index: number) => Promise<void>, stop = () => false) => {
  let next = 0
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (!stop() && next < count) await task(next++)
  }))
}

it(
  "kill -9 during idempotent creates, restart, retry every key: 0 lost acknowledged writes, 0 duplicates",
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-emulator-crash-"))
    const database = path.join(dir, "emulator.db")
    let second: EmulatorProcess.EmulatorProcess | undefined
    try {
      const first = await EmulatorProcess.start(database)
      const acknowledged = new Map<number, string>()
      let failed = 0
      let killed = false
      await pool(KEYS, CONCURRENCY, async (index) => {
        try {
          const created = await create(first.url, index)
          expect(created.status, `key ${index} before the crash`).toBe(201)
          acknowledged.set(index, created.id!)
          if (!killed && acknowledged.size >= KILL_AFTER) {
            killed = true
            first.child.kill("SIGKILL")
          }
        } catch (error) {
          if (!killed) throw error
          failed++ // in flight when the process died
        }
      }, () => killed)
      await EmulatorProcess.kill9(first)
      expect(first.child.signalCode).toBe("SIGKILL")
      expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER)

      second = await EmulatorProcess.start(database)
      const url = second.url
      const retried = new Map<number, Created>()
      await pool(KEYS, CONCURRENCY, async (index) => {
        retried.set(index, await create(url, index))
      })
      const statuses = [...retried.values()].map((created) => created.status)
      expect(new Set(statuses)).toEqual(new Set([201]))
      // Every acknowledged key replays its first answer.
      for (const [index, id] of acknowledged) {
        expect(retried.get(index), `key ${index}`).toEqual({ status: 201, id, replayed: true })
      }

      const listing = await fetch(`${url}/leads/?records=1000`, { headers: headers("unused") })
      const leads = ((await listing.json()) as { data: Array<{ id: string; attributes: { name: string } }> }).data
      const perKey = new Map<string, number>()
      for (const lead of leads) perKey.set(lead.attributes.name, (perKey.get(lead.attributes.name) ?? 0) + 1)
      const ids = new Set(leads.map((lead) => lead.id))
      const lost = [...acknowledged.values()].filter((id) => !ids.has(id)).length
      const duplicates = [...perKey.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0)
      const replayed = [...retried.values()].filter((created) => created.replayed).length
      console.log(
        `crash test: ${KEYS} keys, ${acknowledged.size} acknowledged before kill -9, ${failed} in flight at the kill; ` +
          `after restart ${replayed} replayed, ${
            KEYS - replayed
          } created; ${lost} lost acknowledged writes, ${duplicates} duplicates`
      )
      expect(lost).toBe(0)
      expect(duplicates).toBe(0)
      expect(leads).toHaveLength(KEYS)
      // Writes that were in flight at the kill were either committed (replayed now) or not made at all.
      expect(replayed).toBeGreaterThanOrEqual(acknowledged.size)
    } finally {
      if (second !== undefined) await EmulatorProcess.kill9(second)
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
  180_000
)
