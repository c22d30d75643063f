/** A .usf file that cannot be opened: each problem with its line (and column), and the search left as it was. */

import { Text } from "@fluentui/react-components";
import type { UsfProblem } from "@pindesk/usf/usf-format";
import { ResultsDialog } from "../../../../components/results-dialog.tsx";

export function OpenProblemsDialog({
  fileName,
  problems,
  onClose,
}: {
  fileName: string;
  problems: UsfProblem[];
  onClose: () => void;
}) {
  return (
    <ResultsDialog title="This query cannot be opened" onClose={onClose}>
      <Text as="p">{fileName} is not a saved query PinDesk can open. The current search is unchanged.</Text>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.line}:${problem.column ?? 0}:${problem.message}`}>
            Line {problem.line}
            {problem.column !== undefined ? `, column ${problem.column}` : ""}: {problem.message}
          </li>
        ))}
      </ul>
    </ResultsDialog>
  );
}
