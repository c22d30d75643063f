/** Lync's choice between the Search users box and an LDAP filter (docs/design.md, "Search box"). */
import { Radio, RadioGroup } from "@fluentui/react-components";
import type { SearchMode } from "@pindesk/domain/users/search-query";

export function SearchModeSwitch({
  mode,
  onChange,
}: {
  mode: SearchMode;
  onChange: (mode: SearchMode) => void;
}) {
  return (
    <RadioGroup
      layout="horizontal"
      aria-label="Search mode"
      value={mode}
      onChange={(_, data) => onChange(data.value as SearchMode)}
    >
      <Radio value="Search" label="Search" />
      <Radio value="LdapSearch" label="LDAP Search" />
    </RadioGroup>
  );
}
