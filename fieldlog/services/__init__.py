"""Services: the one place each action is carried out, for the command line and the GUI alike."""
