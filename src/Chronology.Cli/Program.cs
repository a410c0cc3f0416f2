return await Chronology.Cli.CommandLine.RunAsync(args);
