using CancelWorkflows.Cli;
using CancelWorkflows.Cli.Hosting;

return await CancelCtl.RunAsync(args, CliHost.FromProcess());
