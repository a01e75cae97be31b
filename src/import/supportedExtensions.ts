/** File types the importers read, from the one format registry (which loads no parser until a file is read). */
export { IMPORT_ACCEPT } from "./formatRegistry";
