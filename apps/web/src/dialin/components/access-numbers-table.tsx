/** The access numbers the user may dial, as Lync's page lists them: number, region, languages. */
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import type { DialInAccessNumber } from "@pindesk/domain/dial-in/access-number-api";

const languageNames = new Intl.DisplayNames(["en"], { type: "language", languageDisplay: "standard" });
const languageName = (tag: string) => languageNames.of(tag) ?? tag;

export function AccessNumbersTable({ numbers }: { numbers: readonly DialInAccessNumber[] }) {
  if (numbers.length === 0) return <Text>No dial-in access numbers have been set up yet.</Text>;
  return (
    <Table aria-label="Dial-in access numbers" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Number</TableHeaderCell>
          <TableHeaderCell>Region</TableHeaderCell>
          <TableHeaderCell>Languages</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {numbers.map((number) => (
          <TableRow key={number.id}>
            <TableCell>
              {number.displayNumber} <Text size={200}>({number.displayName})</Text>
            </TableCell>
            <TableCell>{number.regions.join(", ")}</TableCell>
            <TableCell>
              {[number.primaryLanguage, ...number.secondaryLanguages].map(languageName).join(", ")}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
