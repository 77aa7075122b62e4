process.stdout.write("bulwark: no commands yet\n");
