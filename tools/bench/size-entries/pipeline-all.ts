// (b) The whole pipeline package.
export * from "@blocks-crm/pipeline"
