import { DEFAULT_SORT } from "@pindesk/domain/users/search-sort";
import { describe, expect, it } from "vitest";
import { parseUsf } from "./parse-usf.ts";
import { file } from "./test-support/usf-files.ts";

describe("parseUsf: what it accepts", () => {
  it("reads the documented example", () => {
    const text = file(
      "  <Mode>Search</Mode>",
      "  <SearchText>Ken</SearchText>",
      "  <MaxUsers>200</MaxUsers>",
      "  <Filters>",
      '    <Filter property="RegistrarPool" operator="EqualTo">red-cs-001.litwareinc.com</Filter>',
      "  </Filters>",
    );
    expect(parseUsf(text)).toEqual({
      ok: true,
      query: {
        mode: "Search",
        searchText: "Ken",
        maxUsers: 200,
        filters: [{ property: "RegistrarPool", operator: "EqualTo", value: "red-cs-001.litwareinc.com" }],
        sort: DEFAULT_SORT,
      },
    });
  });

  it("fills in Lync's defaults for what a hand-written file leaves out", () => {
    expect(parseUsf(file("<Mode>LdapSearch</Mode>", "<LdapFilter>Title=Manager</LdapFilter>"))).toEqual({
      ok: true,
      query: {
        mode: "LdapSearch",
        ldapFilter: "Title=Manager",
        maxUsers: 200,
        filters: [],
        sort: DEFAULT_SORT,
      },
    });
  });

  it("reads any well-formed spelling: prefixes, comments, CDATA, single quotes, CRLF, a BOM, no declaration", () => {
    const text = [
      "\uFEFF<!-- saved by hand -->",
      "<u:UserSearch xmlns:u='urn:pindesk:usf' version=' 1 '>\r",
      "  <u:Mode> Search </u:Mode>\r",
      "  <u:SearchText><![CDATA[<Ken> & ]]>Myer<!-- a note --></u:SearchText>\r",
      "  <u:MaxUsers>\n 50 </u:MaxUsers>",
      "  <u:Filters><u:Filter operator='NotEqualTo' property='Enabled'>false</u:Filter><u:Filters/></u:Filters>",
      "</u:UserSearch>",
    ].join("\n");
    const result = parseUsf(text.replace("<u:Filters/>", ""));
    expect(result).toEqual({
      ok: true,
      query: {
        mode: "Search",
        searchText: "<Ken> & Myer",
        maxUsers: 50,
        filters: [{ property: "Enabled", operator: "NotEqualTo", value: "false" }],
        sort: DEFAULT_SORT,
      },
    });
  });

  it("decodes the predefined entities and character references", () => {
    const result = parseUsf(
      file("<Mode>Search</Mode>", "<SearchText>&lt;&gt;&amp;&quot;&apos;&#65;&#x00E5;&#x1F600;</SearchText>"),
    );
    expect(result.ok && result.query.searchText).toBe("<>&\"'Aå😀");
  });
});
