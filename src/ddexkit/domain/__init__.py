"""Pure helpers about the world the messages describe: identifiers, territories, time, catalogs."""
