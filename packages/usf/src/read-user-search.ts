/**
 * Reads the <UserSearch> element tree into a SearchQuery. Structure is checked here; the values go through
 * the shared SearchQuery schema, so a file accepts exactly what the API and the page URL accept.
 * Problems are collected rather than stopping at the first, so one round of fixes is enough.
 */
import { MAX_USERS_LIMIT, SearchMode, SearchQuery } from "@pindesk/domain/users/search-query";
import {
  SORT_DIRECTIONS,
  SORT_KEYS,
  SortDirectionSchema,
  SortKeySchema,
} from "@pindesk/domain/users/search-sort";
import {
  USF_ELEMENTS,
  USF_NAMESPACE,
  USF_VERSION,
  USF_VERSION_WITHOUT_SORT,
  type UsfElement,
  type UsfProblem,
} from "./usf-format.ts";
import type { Locate } from "./xml/xml-location.ts";
import type { XmlElement } from "./xml/xml-reader.ts";
import { checkAttributes, checkNoText, type Report, textContent, trimXmlSpace } from "./xml-rules.ts";

export type UsfReadResult = { ok: true; query: SearchQuery } | { ok: false; problems: UsfProblem[] };

interface Collected {
  values: Record<string, unknown>;
  /** Where each value came from, keyed by its path in SearchQuery (`filters.2.value`). */
  offsets: Map<string, number>;
}

const expected = (names: readonly string[]) => names.map((name) => `<${name}>`).join(", ");

function readFilters(filters: XmlElement, report: Report, collected: Collected): void {
  checkAttributes(filters, [], report);
  checkNoText(filters, report);
  const clauses: unknown[] = [];
  for (const filter of filters.children) {
    if (filter.local !== "Filter" || filter.namespace !== USF_NAMESPACE) {
      report(filter.offset, `Unknown element <${filter.name}> in <Filters>; expected <Filter>`);
      continue;
    }
    const attributes = checkAttributes(filter, ["property", "operator"], report);
    const value = textContent(filter, report);
    const missing = ["property", "operator"].filter((name) => attributes.get(name) === undefined);
    if (missing.length > 0) {
      report(filter.offset, `<Filter> has no ${missing.join(" or ")} attribute`);
      continue;
    }
    const at = `filters.${clauses.length}`;
    const property = attributes.get("property");
    const operator = attributes.get("operator");
    clauses.push({ property: property?.value, operator: operator?.value, value });
    collected.offsets.set(`${at}.property`, property?.offset ?? filter.offset);
    collected.offsets.set(`${at}.operator`, operator?.offset ?? filter.offset);
    collected.offsets.set(at, filter.offset);
  }
  collected.values.filters = clauses;
  collected.offsets.set("filters", filters.offset);
}

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(", ");

/**
 * `<Sort by="sip" direction="desc"/>` (version 2): the column and direction, checked here so a bad one is
 * named with the values it may take; `direction` defaults to ascending.
 */
function readSort(sort: XmlElement, version: number, report: Report, collected: Collected): void {
  if (version < 2) {
    report(sort.offset, `<Sort> needs version="2" on <UserSearch>; this file is version ${version}`);
  }
  const attributes = checkAttributes(sort, ["by", "direction"], report);
  checkNoText(sort, report);
  for (const child of sort.children) report(child.offset, `<Sort> holds nothing, not <${child.name}>`);
  const by = attributes.get("by");
  const direction = attributes.get("direction");
  collected.offsets.set("sort", sort.offset);
  if (!by) {
    report(sort.offset, `<Sort> has no by attribute; write one of ${quoted(SORT_KEYS)}`);
    return;
  }
  const value: Record<string, string> = {};
  if (SortKeySchema.safeParse(by.value).success) value.by = by.value;
  else report(by.offset, `<Sort> by must be one of ${quoted(SORT_KEYS)}, not ${JSON.stringify(by.value)}`);
  if (direction) {
    if (SortDirectionSchema.safeParse(direction.value).success) value.direction = direction.value;
    else
      report(
        direction.offset,
        `<Sort> direction must be ${quoted(SORT_DIRECTIONS).replace(", ", " or ")}, not ${JSON.stringify(direction.value)}`,
      );
  }
  if (value.by) collected.values.sort = value;
}

function readValue(element: XmlElement, name: UsfElement, report: Report, collected: Collected): void {
  checkAttributes(element, [], report);
  const text = textContent(element, report);
  // The SearchQuery key is the element name in camel case (`MaxUsers` holds `maxUsers`).
  collected.offsets.set(name.charAt(0).toLowerCase() + name.slice(1), element.offset);
  if (name === "Mode") {
    // Mode and MaxUsers are XSD token and integer types, so surrounding whitespace is allowed there.
    const mode = trimXmlSpace(text);
    if (SearchMode.safeParse(mode).success) collected.values.mode = mode;
    else
      report(
        element.offset,
        `<Mode> must be ${SearchMode.options.join(" or ")}, not ${JSON.stringify(text)}`,
      );
  } else if (name === "MaxUsers") {
    const digits = trimXmlSpace(text);
    if (/^[0-9]+$/.test(digits)) collected.values.maxUsers = Number(digits);
    else
      report(
        element.offset,
        `<MaxUsers> must be a whole number from 1 to ${MAX_USERS_LIMIT}, not ${JSON.stringify(text)}`,
      );
  } else {
    // Search text and LDAP filters keep every space: they are compared as typed.
    collected.values[name === "SearchText" ? "searchText" : "ldapFilter"] = text;
  }
}

/** The file's version, and whether a newer PinDesk wrote it: that file's other differences are expected. */
function readVersion(
  root: XmlElement,
  report: Report,
): { version: number; offset: number; newer: boolean } | undefined {
  const version = root.attributes.find((attribute) => attribute.local === "version" && !attribute.namespace);
  if (!version) {
    report(root.offset, `<UserSearch> has no version attribute; write version="${USF_VERSION_WITHOUT_SORT}"`);
    return undefined;
  }
  const digits = trimXmlSpace(version.value);
  if (!/^[0-9]+$/.test(digits) || Number(digits) < 1) {
    report(
      version.offset,
      `version must be a whole number such as ${USF_VERSION_WITHOUT_SORT}, not ${JSON.stringify(version.value)}`,
    );
    return undefined;
  }
  const number = Number(digits);
  return { version: number, offset: version.offset, newer: number > USF_VERSION };
}

export function readUserSearch(root: XmlElement, locate: Locate): UsfReadResult {
  const problems: UsfProblem[] = [];
  const report: Report = (offset, message) => problems.push({ ...locate(offset), message });
  if (root.local !== "UserSearch" || root.namespace !== USF_NAMESPACE) {
    const fix = `<UserSearch xmlns="${USF_NAMESPACE}" version="${USF_VERSION_WITHOUT_SORT}">`;
    report(
      root.offset,
      root.local === "UserSearch"
        ? `<UserSearch> must be in the namespace ${USF_NAMESPACE}: write ${fix}`
        : `This is not a PinDesk saved query: the root element is <${root.name}>, not ${fix}`,
    );
    return { ok: false, problems };
  }
  const read = readVersion(root, report);
  const newer = read?.newer ? read : undefined;
  if (newer) {
    const message = `This file was saved by a newer PinDesk (format version ${newer.version}); this version reads versions 1 to ${USF_VERSION}`;
    return { ok: false, problems: [{ ...locate(newer.offset), message }] };
  }
  checkAttributes(root, ["version"], report);
  checkNoText(root, report);
  const collected: Collected = { values: {}, offsets: new Map() };
  let furthest = -1;
  const seen = new Set<string>();
  for (const child of root.children) {
    const index = child.namespace === USF_NAMESPACE ? USF_ELEMENTS.indexOf(child.local as UsfElement) : -1;
    const name = USF_ELEMENTS[index];
    if (name === undefined) {
      report(
        child.offset,
        `Unknown element <${child.name}> in <UserSearch>; expected ${expected(USF_ELEMENTS)}`,
      );
    } else if (seen.has(name)) {
      report(child.offset, `<${name}> appears more than once`);
    } else {
      if (index < furthest) report(child.offset, `<${name}> must come before <${USF_ELEMENTS[furthest]}>`);
      furthest = Math.max(furthest, index);
      seen.add(name);
      if (name === "Filters") readFilters(child, report, collected);
      else if (name === "Sort") readSort(child, read?.version ?? USF_VERSION_WITHOUT_SORT, report, collected);
      else readValue(child, name, report, collected);
    }
  }
  if (!seen.has("Mode"))
    report(root.offset, "<UserSearch> has no <Mode>; write <Mode>Search</Mode> or <Mode>LdapSearch</Mode>");
  const parsed = SearchQuery.safeParse(collected.values);
  for (const issue of parsed.error?.issues ?? []) {
    const path = issue.path.map(String);
    const offset = [path.join("."), path.slice(0, 2).join("."), path[0] ?? ""]
      .map((key) => collected.offsets.get(key))
      .find((found) => found !== undefined);
    report(offset ?? root.offset, `${issueLabel(path)}: ${issue.message}`);
  }
  if (problems.length > 0 || !parsed.success) {
    // Structure first found, values second: put them back in the order a person reads the file.
    problems.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
    return { ok: false, problems };
  }
  return { ok: true, query: parsed.data };
}

function issueLabel(path: string[]): string {
  const [field, , part] = path;
  if (field === "filters") return part ? `<Filter> ${part}` : "<Filters>";
  const element = USF_ELEMENTS.find((name) => name.toLowerCase() === field?.toLowerCase());
  return element ? `<${element}>` : "<UserSearch>";
}
