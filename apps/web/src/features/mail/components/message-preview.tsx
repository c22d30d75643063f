/**
 * One message as a user receives it: the subject, the plain-text part, and the HTML part in an iframe with
 * an empty sandbox (no script, no forms, no navigation, an origin of its own) filled from srcdoc.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { MailPreview } from "@pindesk/domain/mail/mail-api";
import { DetailsList } from "../../../components/details-list.tsx";

const useStyles = makeStyles({
  parts: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(320px, 1fr))",
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalM,
  },
  figure: { margin: 0 },
  text: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    whiteSpace: "pre-wrap",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  frame: {
    width: "100%",
    height: "320px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "white",
  },
});

export function MessagePreview({ template }: { template: MailPreview["templates"][number] }) {
  const styles = useStyles();
  return (
    <div>
      <DetailsList rows={[["Subject", template.subject]]} />
      <div className={styles.parts}>
        <figure className={styles.figure}>
          <figcaption>Plain text</figcaption>
          <pre className={styles.text}>{template.text}</pre>
        </figure>
        <figure className={styles.figure}>
          <figcaption>HTML</figcaption>
          <iframe
            className={styles.frame}
            title={`HTML preview: ${template.label}`}
            sandbox=""
            srcDoc={template.html}
          />
        </figure>
      </div>
    </div>
  );
}
