// Placeholder: replaced by the simulator host.
return 0;
