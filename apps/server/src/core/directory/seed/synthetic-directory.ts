/**
 * Deterministic synthetic users for scale work (`npm run pindesk -- seed --users N [--seed S]`): the same
 * seed over the same directory adds the same users. Half get a PIN, all sharing one hash of a random PIN
 * nobody knows: hashing a million PINs one by one would take hours and prove nothing about search.
 */
import type { Kysely } from "kysely";
import type { PinHasher } from "../../../crypto/pin-hasher.ts";
import type { Database } from "../../../db/schema.ts";
import {
  insertDirectoryUsers,
  type NewDirectoryUser,
  NOT_FROM_AD,
  telephoneOfLine,
} from "../directory-writer.ts";
import { randomPin } from "./pin-rows.ts";

const FIRST_NAMES = [
  "James",
  "Mary",
  "Robert",
  "Patricia",
  "John",
  "Jennifer",
  "Michael",
  "Linda",
  "David",
  "Elizabeth",
  "William",
  "Barbara",
  "Richard",
  "Susan",
  "Joseph",
  "Jessica",
  "Thomas",
  "Sarah",
  "Carlos",
  "Karen",
  "Daniel",
  "Lisa",
  "Matthew",
  "Nancy",
  "Anthony",
  "Betty",
  "Mark",
  "Sandra",
  "Paul",
  "Ashley",
  "Steven",
  "Kimberly",
  "Andrew",
  "Emily",
  "Kenneth",
  "Donna",
  "Joshua",
  "Michelle",
  "Kevin",
  "Carol",
  "Brian",
  "Amanda",
  "George",
  "Melissa",
  "Timothy",
  "Deborah",
  "Ronald",
  "Stephanie",
  "Jason",
  "Aoife",
];
const LAST_NAMES = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Garcia",
  "Miller",
  "Davis",
  "Rodriguez",
  "Martinez",
  "Hernandez",
  "Lopez",
  "Gonzalez",
  "Wilson",
  "Anderson",
  "Thomas",
  "Taylor",
  "Moore",
  "Jackson",
  "Martin",
  "Lee",
  "Perez",
  "Thompson",
  "White",
  "Harris",
  "Sanchez",
  "Clark",
  "Ramirez",
  "Lewis",
  "Robinson",
  "Walker",
  "Young",
  "Allen",
  "King",
  "Wright",
  "Scott",
  "Torres",
  "Nguyen",
  "Hill",
  "Flores",
  "Green",
  "Adams",
  "Nelson",
  "Baker",
  "Hall",
  "Rivera",
  "Campbell",
  "Mitchell",
  "Carter",
  "Murphy",
];
const DEPARTMENTS = ["Finance", "Sales", "IT", "Marketing", "Human Resources", "Research and Development"];
const TITLES = [
  "Manager",
  "Supervisor",
  "Director",
  "Accountant",
  "Sales Representative",
  "Support Engineer",
  "Analyst",
];
const CITIES = ["Redmond", "Seattle", "Atlanta", "Dublin", "Cork"];

/** mulberry32: a small, well-mixed 32-bit PRNG, enough for test data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;

export function syntheticUser(seed: number, index: number, poolIds: readonly number[]): NewDirectoryUser {
  const random = prng(seed * 1_000_003 + index);
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  const tag = `${seed.toString(36)}x${index.toString(36)}`;
  const sam = `${first[0]}${last}${tag}`.toLowerCase();
  const department = pick(random, DEPARTMENTS);
  const enabled = random() < 0.95;
  const voice = enabled && random() < 0.6;
  const extension = String(index % 10_000).padStart(4, "0");
  const lineUri = voice ? `tel:+1425${String(index % 10_000_000).padStart(7, "0")};ext=${extension}` : null;
  return {
    displayName: `${first} ${last} ${tag}`,
    firstName: first,
    lastName: last,
    samAccountName: sam,
    netbiosDomain: "LITWAREINC",
    userPrincipalName: `${sam}@litwareinc.com`,
    sipAddress: enabled ? `sip:${sam}@litwareinc.com` : null,
    lineUri,
    distinguishedName: `CN=${first} ${last} ${tag},OU=${department},OU=Synthetic,DC=litwareinc,DC=com`,
    department,
    title: pick(random, TITLES),
    office: null,
    company: "Litware Inc.",
    city: pick(random, CITIES),
    registrarPoolId: enabled && poolIds.length > 0 ? pick(random, poolIds) : null,
    enabled,
    enterpriseVoiceEnabled: voice,
    pinPolicyId: null,
    protected: false,
    mail: `${sam}@litwareinc.com`,
    telephoneNumber: telephoneOfLine(lineUri),
    ...NOT_FROM_AD,
  };
}

const BATCH = 2000;

/** Adds `count` users after those this seed already added; answers how many it added. */
export async function seedSyntheticUsers(
  db: Kysely<Database>,
  hasher: PinHasher,
  { count, seed, onProgress }: { count: number; seed: number; onProgress?: (done: number) => void },
): Promise<number> {
  const pools = await db.selectFrom("registrar_pools").select("id").orderBy("id").execute();
  const poolIds = pools.map((pool) => pool.id);
  // This seed's users end their CN with " <seed>x<index>" (base 36) and live under OU=Synthetic.
  const existing = await db
    .selectFrom("directory_users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("dn_key", "like", `cn=% ${seed.toString(36)}x%,ou=synthetic,dc=litwareinc,dc=com`)
    .executeTakeFirstOrThrow();
  const start = Number(existing.n);
  const sharedHash = await hasher.hash(randomPin());

  for (let offset = 0; offset < count; offset += BATCH) {
    const size = Math.min(BATCH, count - offset);
    const users = Array.from({ length: size }, (_, i) => syntheticUser(seed, start + offset + i, poolIds));
    await db.transaction().execute(async (trx) => {
      const ids = await insertDirectoryUsers(trx, users);
      const pinned = users.filter((user, i) => user.enabled && (start + offset + i) % 2 === 0);
      if (pinned.length === 0) return;
      await trx
        .insertInto("user_pins")
        .values(
          pinned.map((user, i) => ({
            user_id: ids.get(user.samAccountName.toLowerCase()) ?? 0,
            pin_hash: sharedHash,
            pin_length: 6,
            pin_set_at: new Date(),
            admin_locked: i % 50 === 0,
          })),
        )
        .execute();
    });
    onProgress?.(offset + size);
  }
  return count;
}
