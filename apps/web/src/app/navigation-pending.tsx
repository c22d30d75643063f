/**
 * Said in the header while the next page's code loads (its own chunk, router.tsx;
 * docs/decisions/0028-bundle-and-compression.md): the page shown stays until the next can render, so a click on
 * a slow connection would otherwise seem to do nothing. Only after a moment, as on arrival (page-loading.tsx):
 * on a usual connection the page comes first and nothing flickers.
 */
import { makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useNavigation } from "react-router";
import { PAGE_LOADING_DELAY_MS } from "./page-loading.tsx";

const useStyles = makeStyles({ label: { color: tokens.colorNeutralForegroundOnBrand } });

export function NavigationPending() {
  const styles = useStyles();
  const loading = useNavigation().state === "loading";
  const [shown, setShown] = useState(false);
  useEffect(() => {
    setShown(false);
    if (!loading) return;
    const timer = setTimeout(() => setShown(true), PAGE_LOADING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [loading]);
  if (!shown) return null;
  return (
    <Spinner
      size="extra-tiny"
      appearance="inverted"
      label={{ children: "Loading the page…", className: styles.label }}
    />
  );
}
